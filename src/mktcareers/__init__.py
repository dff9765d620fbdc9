"""mktcareers: explore digital marketing and IT careers from the terminal."""

__version__ = "0.1.0"

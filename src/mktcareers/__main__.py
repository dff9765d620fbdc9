from mktcareers.cli import app

app(prog_name="mktcareers")

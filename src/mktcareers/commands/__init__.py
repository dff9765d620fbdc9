"""One module per mktcareers subcommand, each with an `app`: parse, call the domain,
hand the result to a view. mktcareers.cli imports a module only when it is used."""

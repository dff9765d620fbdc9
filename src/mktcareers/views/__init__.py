"""All a person sees: the consoles, inert text, machine formats and one module per view."""

"""Find, read, validate and compile a knowledge base. Each name lives in one module:

location     where a knowledge base is and which files make it up
safefile     open or read a file only when stat says it is regular and small enough
yamldoc      safe YAML: plain data fast, the line of each value when a problem needs it
fields       the field checkers (TextField, ListOf, Record, ...)
schemas      what each file must hold, written with those checkers
collector    reads files and gathers every problem with file, line and field
loading      load (and validate) a knowledge base into models.KnowledgeBase
derived      attach the generated numbers (generated/derived.yaml) to roles
occupations  read every O*NET occupation (generated/occupations.json)
quizfile     load_quiz: the quiz items of a knowledge base, or the bundled ones
questionfile load_questions: the questions `ask` answers, or the bundled ones
errors       Problem and KbError
store        the compiled knowledge base, read instead of the YAML when unchanged
"""

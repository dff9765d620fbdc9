# A package, so that tests/views/test_roles.py and tests/test_roles.py (the view and the
# domain of one noun) can share a file name.

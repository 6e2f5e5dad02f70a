"""Detection and anonymization of PII and secrets."""

import logging

# Presidio's own loggers put matched text in some messages (IBAN validation errors, context words at
# DEBUG). Nothing of theirs is needed at run time, so they are switched off, whatever the log level,
# before any presidio module is imported by this package.
for _name in ("presidio-analyzer", "presidio-anonymizer"):
    logging.getLogger(_name).disabled = True

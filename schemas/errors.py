"""Exceptions raised by ft-sanitizer.

A bad *record* is never an exception: it is quarantined under a `Reason`. Exceptions are for things that
stop a whole run (a missing file, a bad option, an upload the gate refuses). Messages say what failed,
where, and how to fix it, and never carry record text, a matched value or a key.

    PipelineError
    ├── InputError              the input file cannot be read at all
    ├── ConfigError             an option or setting is wrong
    │   └── ModelNotInstalled   the configured spaCy model package is missing
    ├── SanitizerError          detection or anonymization failed
    ├── RunLocked               another run is writing to the same output folder
    ├── RunFailed               a worker died or the Dask cluster was unreachable mid-run
    ├── GateError               the review/approval gate refuses
    │   ├── NotApproved         no approval, or the run was rejected
    │   │   └── AlreadyDecided  another reviewer already decided this run
    │   ├── HashMismatch        a file of the run changed since it was approved
    │   └── ContentRefused      the upload's own re-scan found a secret in the bytes to send
    └── UploadError             talking to Together failed
        ├── UploadRejected      Together refused the file (INVALID_FORMAT, FAILED, 4xx)
        └── UploadUnavailable   Together could not be reached after retries
"""


class PipelineError(Exception):
    """Base class of every error ft-sanitizer raises on purpose."""


class InputError(PipelineError):
    """The input file is missing, unreadable, or not a file."""


class ConfigError(PipelineError):
    """An option, setting or environment variable is wrong or missing."""


class ModelNotInstalled(ConfigError):
    """The spaCy model package that detection needs is not installed."""


class SanitizerError(PipelineError):
    """Detection or anonymization failed in a way that is not about one record."""


class RunLocked(PipelineError):
    """Another sanitize run holds the output folder's lock; the message names its process."""


class RunFailed(PipelineError):
    """Chunks could not all be sanitized (a worker died, the cluster was unreachable); finished ones are kept."""


class GateError(PipelineError):
    """The review/approval gate refuses to let a file go further."""


class NotApproved(GateError):
    """There is no approval for the file, or the run was rejected."""


class AlreadyDecided(NotApproved):
    """Another reviewer already approved or rejected this run; the attempt is recorded, not applied."""


class HashMismatch(GateError):
    """The file's sha256 no longer equals the sha256 that was approved."""


class ContentRefused(GateError):
    """The bytes about to be uploaded hold a secret (found by the upload's own re-scan)."""


class UploadError(PipelineError):
    """Uploading to Together, or starting a fine-tune job, failed."""


class UploadRejected(UploadError):
    """Together answered, and refused (INVALID_FORMAT, FAILED, a 4xx, a policy limit)."""


class UploadUnavailable(UploadError):
    """Together could not be reached, or kept failing, within the retry budget."""

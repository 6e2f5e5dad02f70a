"""The gate: the security boundary between a run folder and Together.

Everything that decides whether bytes may leave, and everything that sends them, lives here:
approvals and their signatures (`approve_run`, `approval_key`), the upload (`upload_to_together`),
the fine-tune (`start_fine_tune`), the signed events (`notify`), the Together SDK calls
(`together_calls`) and the Together key (`together_key`). See the README's security section.
"""

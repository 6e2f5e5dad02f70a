"""The review policy: approved, needs_review or rejected, and why (in words free of content)."""

from pipelines.stages.run_stats import RunStats
from sanitizers.entities import is_secret_entity
from schemas.report import Decision
from schemas.run_config import ReviewPolicy


def decide(stats: RunStats, policy: ReviewPolicy) -> tuple[Decision, list[str]]:
    """Apply `policy` to a run's counts."""
    blockers: list[str] = []
    residual_secrets = sum(n for t, n in stats.residual_findings.items() if is_secret_entity(t))
    if residual_secrets:
        blockers.append(f"{residual_secrets} secret(s) were found again after sanitizing (residual re-scan)")
    if stats.records_written == 0:
        blockers.append("no record passed validation; nothing would be uploaded")
    if stats.records_total:
        share = stats.records_quarantined / stats.records_total
        if share > policy.max_quarantined_share:
            blockers.append(
                f"{share:.1%} of lines were quarantined, above the limit of {policy.max_quarantined_share:.1%}"
            )
    if blockers:
        return Decision.REJECTED, blockers
    if policy.auto_approve:
        return Decision.APPROVED, ["nothing blocks and the policy approves automatically"]
    return Decision.NEEDS_REVIEW, ["nothing blocks; a reviewer must approve it before upload"]

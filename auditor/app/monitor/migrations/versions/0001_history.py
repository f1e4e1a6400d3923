"""The history store: sites, runs, findings, probes.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String(2048), nullable=False, unique=True),
        sa.Column("name", sa.String(500)),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("profile", sa.String(100), nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("grade", sa.String(20), nullable=False),
        sa.Column("vetoes", sa.JSON, nullable=False),
        sa.Column("indicators", sa.JSON, nullable=False),
        sa.Column("run_dir", sa.Text),
        sa.Column("batch", sa.String(200)),
    )
    op.create_index("ix_runs_site_recorded", "runs", ["site_id", "recorded_at"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("message", sa.Text),
    )
    op.create_index("ix_findings_run", "findings", ["run_id"])
    op.create_table(
        "probes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("status", sa.Integer),
        sa.Column("error", sa.String(500)),
        sa.Column("seconds", sa.Float),
        sa.Column("newest", sa.Date),
    )
    op.create_index("ix_probes_site_at", "probes", ["site_id", "at"])


def downgrade() -> None:
    op.drop_table("probes")
    op.drop_table("findings")
    op.drop_table("runs")
    op.drop_table("sites")

"""RedactPHI's HTTP service (FastAPI)."""

from tests.storage_backends import database_url

__all__ = ["database_url"]

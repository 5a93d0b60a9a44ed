"""Names: mention extraction, spelling keys and variant grouping for the `names` checks."""
from .extract import ArticleNames, Mention, extract
from .keys import blocking_keys, fold, relation, translit_key

__all__ = ["ArticleNames", "Mention", "extract", "blocking_keys", "fold", "relation", "translit_key"]

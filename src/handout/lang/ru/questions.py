"""Russian question phrasing beyond the templates: the "event" question quotes the printed date."""

from ..phrasing import quoted_event_date_phrase as event_date_phrase

__all__ = ["event_date_phrase"]

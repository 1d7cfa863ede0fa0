"""Death tolls are read from the ways news states them, and absence is not zero."""
import pytest

from ingest.tolls import deaths


@pytest.mark.parametrize("text, expected", [
    ("a large explosion occurred at the port, killing at least 218 people, injuring more than 7,000", 218),
    ("six construction workers were killed when the bridge collapsed", 6),
    ("left 12 dead and dozens injured", 12),
    ("causing the death of one woman", 1),
    ("The death toll rose to 1,024 on Friday.", 1024),
    ("Two people died in the fire.", 2),
    ("This incident did not cause any casualties.", 0),
    ("Drones struck the refinery on Monday.", None),
    ("The 2020 explosion destroyed the silos.", None),
    ("In 2019, 40 million barrels were exported.", None),
])
def test_death_tolls(text, expected):
    assert deaths(text) == expected

"""`python -m tracker.cli`, as the tests and bench scripts run it."""

from tracker.cli import main

if __name__ == "__main__":
    main()

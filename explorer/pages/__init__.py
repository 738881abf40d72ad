"""One module per page of /data/: its view and the charts only it draws (shared state: state.py)."""

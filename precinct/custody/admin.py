"""Custody records are kept through the pages and the API (`custody.services`), which work out the time
limits after every write; the admin has none of them."""

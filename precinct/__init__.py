"""Precinct: the information system of a Ministry of Internal Affairs."""

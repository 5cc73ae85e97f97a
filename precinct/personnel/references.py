"""Employees' files are named as employees are (`organisation.references.EMPLOYEE`), among the files the
user reaches."""

import dataclasses

from precinct.organisation.references import EMPLOYEE as ANY_EMPLOYEE
from precinct.personnel.models import Staff

EMPLOYEE = dataclasses.replace(ANY_EMPLOYEE, model=Staff)

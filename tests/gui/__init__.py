"""The desktop app's tests (pytest-qt). A package, so its conftest is not the module
named ``conftest`` that tests outside it import helpers from."""

"""The data contract and its one loader: reading and validating a data folder into typed
tables, synthetic folders for scale tests, and plain-text helpers for data values."""

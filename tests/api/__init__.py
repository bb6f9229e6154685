"""Tests of the data exits: the JSON API and the search exports."""

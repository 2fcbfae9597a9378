"""Pure figure builders: aggregates (data.query) in, plotly figure dicts out.

Plain dicts, not plotly objects: they go straight into a callback response, and building them costs
microseconds. tests/components/figures checks each against plotly's own validation.
"""

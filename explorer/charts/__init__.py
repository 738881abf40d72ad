"""The chart kit: `Chart` (what a page shows and downloads), the SVG plots, and the SVG canvas under them."""

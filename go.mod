module connectcoach

go 1.26.0

require (
	github.com/rivo/uniseg v0.4.7
	golang.org/x/text v0.44.0
)

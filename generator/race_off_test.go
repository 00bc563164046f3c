//go:build !race

package generator

// raceEnabled is true when the tests run under the race detector, which
// makes processing a photograph some ten times slower.
const raceEnabled = false

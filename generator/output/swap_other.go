//go:build !linux

package output

import "os"

// swap makes the folder tmp the folder dest. Without an atomic exchange,
// it renames dest aside and tmp into place, leaving the old site in tmp.
func swap(tmp, dest string) error { return swapByRenames(tmp, dest) }

// processAlive reports whether a process may still be using its temporary
// folder; without a portable check, it assumes so unless pid is gone.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	return err == nil && p != nil && pid != 0
}

//go:build !linux

package sitefs

// openDir returns -1: only Linux has openat2, and elsewhere every file is
// read through the os.Root.
func openDir(string) int { return -1 }

// closeDir does nothing.
func closeDir(int) {}

// readFile reads nothing: see openDir.
func readFile(int, string) ([]byte, bool) { return nil, false }

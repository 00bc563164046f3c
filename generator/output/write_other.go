//go:build !linux

package output

import "os"

// writeFile writes data to the file name, made or emptied: os.WriteFile.
func writeFile(name string, data []byte, perm uint32) error {
	return os.WriteFile(name, data, os.FileMode(perm))
}

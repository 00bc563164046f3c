package output

import (
	"errors"
	"os"
)

// swapByRenames renames dest aside, tmp to dest, and the old dest to tmp.
// If the second rename fails the old dest is put back.
func swapByRenames(tmp, dest string) error {
	old := tmp + ".old"
	if err := os.Rename(dest, old); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return os.Rename(tmp, dest)
		}
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Rename(old, dest)
		return err
	}
	return os.Rename(old, tmp)
}

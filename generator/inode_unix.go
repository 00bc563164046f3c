//go:build unix

package generator

import (
	"io/fs"
	"syscall"
)

// inode returns the number of the file fi describes on its file system.
func inode(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}

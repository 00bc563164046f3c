//go:build !unix

package generator

import "io/fs"

// inode returns 0: the file's size and time identify it.
func inode(fs.FileInfo) uint64 { return 0 }

package output

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// swap makes the folder tmp the folder dest in one atomic step. When dest
// exists, the two are exchanged (renameat2 with RENAME_EXCHANGE), so
// readers never see a missing dest and tmp then holds the old site.
func swap(tmp, dest string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ENOENT):
		return os.Rename(tmp, dest) // no previous site
	case errors.Is(err, syscall.EINVAL), errors.Is(err, syscall.ENOSYS):
		return swapByRenames(tmp, dest) // a file system without exchange
	}
	return err
}

func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0) // signal 0 checks that the process exists
	return err == nil || errors.Is(err, syscall.EPERM)
}

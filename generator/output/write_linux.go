package output

import (
	"io"
	"io/fs"

	"golang.org/x/sys/unix"
)

// writeFile writes data to the file name, made or emptied, as os.WriteFile
// does (the same errors, a *fs.PathError), with three system calls: open,
// write and close, without package os's calls to learn whether the file
// could be polled (four fcntl and an epoll_ctl for every file a build
// writes).
func writeFile(name string, data []byte, perm uint32) error {
	var fd int
	err := error(unix.EINTR)
	for err == unix.EINTR {
		fd, err = unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, perm)
	}
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

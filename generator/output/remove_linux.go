package output

import (
	"runtime"
	"sync"

	"golang.org/x/sys/unix"
)

// removeNamed removes the files of t from the folder dir, and the folders
// of t that are then empty, as far as it can. Every folder is opened
// relative to its parent's descriptor, one name at a time and without
// following a symbolic link (O_NOFOLLOW), so that a link put in the
// previous site in place of a folder is never followed out of it: it is
// left for os.RemoveAll, which removes the link itself. The files of the
// largest folders (a section's pages) are removed on all cores. Errors
// are not reported: what is left, os.RemoveAll removes or reports.
func removeNamed(dir string, t *nameTree) {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	defer unix.Close(fd)
	t.remove(fd)
}

// remove removes t's files and folders from the folder open as fd.
func (t *nameTree) remove(fd int) {
	for _, f := range t.files {
		unix.Unlinkat(fd, f, 0)
	}
	names := make([]string, 0, len(t.folders))
	for name := range t.folders {
		names = append(names, name)
	}
	workers := 1
	if len(names) >= 64 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(names); i += workers {
				name := names[i]
				child, err := unix.Openat(fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
				if err != nil {
					continue
				}
				t.folders[name].remove(child)
				unix.Close(child)
				unix.Unlinkat(fd, name, unix.AT_REMOVEDIR)
			}
		})
	}
	wg.Wait()
}

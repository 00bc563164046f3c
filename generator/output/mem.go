package output

import (
	"io/fs"
	"sync"
	"testing/fstest"
	"time"
)

// Mem keeps a build's files in memory.
type Mem struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMem returns an empty Mem.
func NewMem() *Mem { return &Mem{files: map[string][]byte{}} }

// WriteFile stores a copy of data as name.
func (m *Mem) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = append([]byte(nil), data...)
	return nil
}

// FS returns the files written so far as a read-only file system. Later
// writes do not change it.
func (m *Mem) FS() fs.FS {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(fstest.MapFS, len(m.files))
	now := time.Now()
	for name, data := range m.files {
		out[name] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: now}
	}
	return out
}

// Len returns the number of files written.
func (m *Mem) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.files)
}

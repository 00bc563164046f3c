package main

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"strings"
)

// programVersion names this program for the build cache, so that a cache
// written by any other build of Lumen — another release, or a
// developer's change — is never trusted: the Go build ID of its
// executable when it has one (the linker's, whose last part is a hash of
// the executable's content), or else the SHA-256 of the executable, which
// takes a few tens of milliseconds to read.
func programVersion() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if id := goBuildID(exe); id != "" {
		return "go build ID " + id
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// goBuildID returns the build ID the Go linker wrote into the ELF note
// .note.go.buildid of the executable exe ("action/…/content"), or "" when
// exe is no ELF file or has none.
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	data, err := s.Data()
	// An ELF note: the sizes of its name and of its content, its type
	// (4, the Go build ID), the name "Go" padded to four bytes, the ID.
	if err != nil || len(data) < 16 || f.ByteOrder.Uint32(data) != 4 || f.ByteOrder.Uint32(data[8:]) != 4 || string(data[12:16]) != "Go\x00\x00" {
		return ""
	}
	n := f.ByteOrder.Uint32(data[4:])
	if uint64(n) > uint64(len(data)-16) {
		return ""
	}
	id := string(data[16 : 16+n])
	if !strings.Contains(id, "/") {
		return ""
	}
	return id
}

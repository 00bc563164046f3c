package watch

import (
	"path"
	"strconv"
	"strings"
)

// Kind classifies a changed path by the part of the site it belongs to, so
// that a consumer can decide how much to rebuild.
type Kind int

// The kinds of a changed path.
const (
	KindContent Kind = iota // a content file or folder: content/**
	KindConfig              // the site configuration: site.yaml
	KindTheme               // a theme file or folder: themes/** (layouts, static)
	KindOther               // anything else that is watched
)

// String returns the lower-case name of k, such as "content".
func (k Kind) String() string {
	switch k {
	case KindContent:
		return "content"
	case KindConfig:
		return "config"
	case KindTheme:
		return "theme"
	case KindOther:
		return "other"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Classify returns the Kind of rel, a slash-separated path relative to the
// site folder, such as "content/conditions/asthma.md" or "site.yaml".
func Classify(rel string) Kind {
	rel = path.Clean(strings.TrimPrefix(rel, "./"))
	first, _, _ := strings.Cut(rel, "/")
	switch {
	case rel == "site.yaml":
		return KindConfig
	case first == "content":
		return KindContent
	case first == "themes":
		return KindTheme
	}
	return KindOther
}

// IsTemp reports whether name, a base name, is a file that is never worth a
// rebuild: an editor's temporary, swap, lock or backup file, vim's write
// probe, a hidden file or folder (which covers .git and .DS_Store), or a
// temporary file of sed -i.
//
// It recognises
//   - hidden names: .x.swp, .#x (Emacs lock), .goutputstream-ABC123 (gedit),
//     .~lock.x# (LibreOffice), .x.tmp, .DS_Store (macOS), .git;
//   - vim: x.swp, x.swo … x.swk, x.swx, x.swpx, x~ (backup), and the probe
//     file 4913 that vim writes to test whether a folder is writable (and
//     its successors 5036, 5159, … when 4913 exists);
//   - Emacs: #x# (auto-save);
//   - JetBrains IDEs: x___jb_tmp___, x___jb_old___;
//   - VS Code and others: x.tmp, x.crswap (Chromium's File System Access);
//   - Kate: x.kate-swp; nano: x.save, x.save.1;
//   - sed -i: sedXXXXXX, six random letters and digits of which at least
//     one is an upper-case letter or a digit, so that a real folder such
//     as "sedatives" is not mistaken for one.
func IsTemp(name string) bool {
	if name == "" {
		return false
	}
	if name[0] == '.' {
		return true // hidden, including .git, .DS_Store and most swap files
	}
	for _, suffix := range [...]string{
		"~",             // vim, Emacs, gedit and others: backup
		".swx", ".swpx", // vim: probes for a usable swap name
		".tmp",         // many editors and tools: write-then-rename
		".crswap",      // Chromium-based editors (File System Access API)
		".kate-swp",    // Kate
		"___jb_tmp___", // JetBrains IDEs: safe write
		"___jb_old___", // JetBrains IDEs: previous version
	} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	switch {
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") && len(name) > 1:
		return true // Emacs auto-save
	case isVimSwap(name), isVimProbe(name), isNanoSave(name), isSedTemp(name):
		return true
	}
	return false
}

// isVimSwap reports whether name ends in one of vim's swap extensions,
// .swp, .swo, .swn and so on down to .swk: vim picks the next one down when
// a swap file already exists. It stops at .swk, as a sixth concurrent swap
// file is rare and lower letters would take .swf (Flash) for a swap file.
func isVimSwap(name string) bool {
	if len(name) < 5 || !strings.HasSuffix(name[:len(name)-1], ".sw") {
		return false
	}
	c := name[len(name)-1]
	return 'k' <= c && c <= 'p'
}

// isVimProbe reports whether name is vim's probe file: vim creates "4913"
// to check that it may write the folder (option 'backupcopy=auto'), and
// adds 123 to the number while the name exists, up to 99999.
func isVimProbe(name string) bool {
	n, err := strconv.Atoi(name)
	if err != nil || strconv.Itoa(n) != name {
		return false
	}
	return n >= 4913 && n <= 99999 && (n-4913)%123 == 0
}

// isNanoSave reports whether name is nano's emergency or backup save:
// x.save, or x.save.N when that exists.
func isNanoSave(name string) bool {
	if strings.HasSuffix(name, ".save") {
		return true
	}
	i := strings.LastIndex(name, ".save.")
	if i < 0 {
		return false
	}
	_, err := strconv.Atoi(name[i+len(".save."):])
	return err == nil
}

// isSedTemp reports whether name looks like the temporary file of sed -i
// (GNU sed uses the template "sedXXXXXX"). An all-lower-case name such as
// "sedatives" is not taken for one; that misses about one sed file in 190,
// which costs one harmless extra rebuild.
func isSedTemp(name string) bool {
	if len(name) != 9 || !strings.HasPrefix(name, "sed") {
		return false
	}
	special := false
	for _, c := range name[3:] {
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			special = true
		default:
			return false
		}
	}
	return special
}

// skipRel reports whether the slash path rel, relative to the site folder,
// is never reported nor watched: the build output public/, or any path with
// a temporary or hidden segment.
func skipRel(rel string) bool {
	if rel == "public" || strings.HasPrefix(rel, "public/") {
		return true
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if IsTemp(seg) {
			return true
		}
	}
	return false
}

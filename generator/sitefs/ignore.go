package sitefs

import (
	"strconv"
	"strings"
)

// Ignored reports whether a file or folder named name (a base name) is
// left out of the site and never worth a rebuild:
//
//   - hidden names, starting with ".": .git, .DS_Store, and most editors'
//     swap and lock files (.x.swp, .#x, .goutputstream-ABC123, .~lock.x#);
//   - names starting with "_", other than _index.md: a writer's own notes
//     and drafts kept beside the content;
//   - editors' temporary, backup and swap files:
//     vim's x.swp, x.swo … x.swk, x.swx, x.swpx, x~ and the probe file 4913
//     that vim writes to test whether a folder is writable (and its
//     successors 5036, 5159, … when 4913 exists); Emacs' #x#; JetBrains'
//     x___jb_tmp___ and x___jb_old___; x.tmp; x.crswap (Chromium's File
//     System Access); Kate's x.kate-swp; nano's x.save and x.save.1;
//   - the temporary file of sed -i: sedXXXXXX, six random letters and
//     digits of which at least one is an upper-case letter or a digit, so
//     that a real folder such as "sedatives" is not mistaken for one.
func Ignored(name string) bool {
	switch {
	case name == "" || name == "_index.md":
		return false
	case name[0] == '.', name[0] == '_':
		return true
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

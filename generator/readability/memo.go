package readability

import "strings"

// wordInfo is what Analyze counts of a word, as spelled. It depends on
// the word and the Analyzer's lexicon only, so it is worked out once and
// kept in a wordCache.
type wordInfo struct {
	// syllables and letters are the word's counts.
	syllables, letters int
	// polysyllable marks a word of three or more syllables that is not a
	// number, as SMOG counts them.
	polysyllable bool
	// complex marks one of Gunning Fog's complex words wherever it
	// stands; complexAtStart one that is complex only where a capital
	// letter does not make it a proper noun (at the start of a sentence,
	// in a heading).
	complex, complexAtStart bool
}

// wordInfo counts and judges word w.
func (a *Analyzer) wordInfo(w string) wordInfo {
	n := a.Syllables(w)
	info := wordInfo{syllables: n, letters: letters(w)}
	if n < 3 || isNumber(w) {
		return info
	}
	info.polysyllable = true
	if a.complexParts(w) {
		if isCapitalised(w) {
			info.complexAtStart = true
		} else {
			info.complex = true
		}
	}
	return info
}

// maxCachedWords bounds a wordCache: a site's vocabulary is some
// thousands of words, and a cache that outgrows this is emptied.
const maxCachedWords = 1 << 14

// wordCache is the working memory of Analyze: the words it has judged on
// the pages before, and room for the sentences and words of a block.
//
// An Analyzer keeps its caches in a free list (kept through garbage
// collections, unlike a sync.Pool), so each belongs to one call of
// Analyze at a time and needs no lock, and pages analysed in turn share
// one: most words of a page were on the pages before. Words are copied
// into the cache, so that it holds on to no page's text.
type wordCache struct {
	index map[string]int // word, as spelled → its entry
	words []cachedWord

	// page numbers the calls of Analyze that used the cache, from 1.
	page uint64
	// sentences and spans are reused for every block and sentence.
	sentences, spans []span
}

// cachedWord is an entry of a wordCache.
type cachedWord struct {
	wordInfo
	// lower is the number of the entry of the word lower-cased: its own
	// when it is.
	lower int
	// offered is, on the entry of a word lower-cased, the last page on
	// which the word, spelled in any case, was offered as one of the
	// longest words: only its first occurrence on a page counts.
	offered uint64
}

// lookup returns the entry of word w, judging and adding the word if it
// is new to the cache.
func (c *wordCache) lookup(a *Analyzer, w string) *cachedWord {
	i, ok := c.index[w]
	if !ok {
		i = c.add(a, w)
	}
	return &c.words[i]
}

// add judges the word w, new to the cache, and adds it, with the entry of
// the word lower-cased (added too if new), and returns its number.
func (c *wordCache) add(a *Analyzer, w string) int {
	i := len(c.words)
	c.words = append(c.words, cachedWord{wordInfo: a.wordInfo(w), lower: i})
	c.index[strings.Clone(w)] = i
	// strings.ToLower gives back w itself when nothing changes.
	if lw := strings.ToLower(w); lw != w {
		j, ok := c.index[lw]
		if !ok {
			j = c.add(a, lw)
		}
		c.words[i].lower = j
	}
	return i
}

// getCache returns a word cache for one call of Analyze, ready for a new
// page.
func (a *Analyzer) getCache() *wordCache {
	c := a.caches.Get(func() *wordCache {
		return &wordCache{index: map[string]int{}}
	})
	if len(c.words) > maxCachedWords {
		clear(c.index)
		c.words = c.words[:0]
	}
	c.page++
	return c
}

// putCache returns c to the free list.
func (a *Analyzer) putCache(c *wordCache) {
	a.caches.Put(c)
}

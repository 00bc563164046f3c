package readability

import "math"

// Counts are the raw counts of a text from which every score is computed.
type Counts struct {
	// Words is the number of words, numbers included.
	Words int
	// Sentences is the number of sentences that have at least one word;
	// every heading and list item is at least one.
	Sentences int
	// Syllables is the number of syllables of all words.
	Syllables int
	// Polysyllables is the number of words of three or more syllables, as
	// SMOG counts them. Numbers written in digits are not counted.
	Polysyllables int
	// ComplexWords is the number of Gunning Fog's complex words: three or
	// more syllables, not counting a final -es, -ed or -ing; not a
	// capitalised word (a proper noun or an acronym) unless it starts a
	// sentence or stands in a heading; not a number; and, for a hyphenated
	// word, with at least one complex part.
	ComplexWords int
	// Letters is the number of letters and digits of all words.
	Letters int
}

// Add returns the sum of c and d, for scoring several pages as one text.
func (c Counts) Add(d Counts) Counts {
	return Counts{
		Words:         c.Words + d.Words,
		Sentences:     c.Sentences + d.Sentences,
		Syllables:     c.Syllables + d.Syllables,
		Polysyllables: c.Polysyllables + d.Polysyllables,
		ComplexWords:  c.ComplexWords + d.ComplexWords,
		Letters:       c.Letters + d.Letters,
	}
}

// Scores are the readability scores of a text. Grades are United States
// school grades (add 5 for a reading age); they are not rounded or clamped,
// so a very easy text may score below 0 and Flesch Reading Ease may leave
// the range 0 to 100.
type Scores struct {
	// FleschReadingEase is 206.835 − 1.015·(W/S) − 84.6·(Y/W): higher is
	// easier; 60 to 70 is plain English.
	FleschReadingEase float64
	// FleschKincaidGrade is 0.39·(W/S) + 11.8·(Y/W) − 15.59.
	FleschKincaidGrade float64
	// SMOG is 1.0430·√(P·30/S) + 3.1291 (McLaughlin 1969, as refitted by
	// the formula's common implementations). It is meant for 30 sentences
	// or more and is less reliable on short pages.
	SMOG float64
	// GunningFog is 0.4·((W/S) + 100·(C/W)).
	GunningFog float64
	// ColemanLiau is 0.0588·L − 0.296·S − 15.8, with L the letters and S
	// the sentences per 100 words.
	ColemanLiau float64
	// ARI, the Automated Readability Index, is 4.71·(letters/W) +
	// 0.5·(W/S) − 21.43.
	ARI float64
	// Consensus is the mean of the five grade-level scores
	// (Flesch–Kincaid, SMOG, Gunning Fog, Coleman–Liau and ARI), rounded
	// to one decimal place.
	Consensus float64
}

// Score computes the scores of counts c. Counts without words score zero
// throughout; no score is ever NaN or infinite.
func Score(c Counts) Scores {
	if c.Words <= 0 || c.Sentences <= 0 {
		return Scores{}
	}
	w, s := float64(c.Words), float64(c.Sentences)
	wps := w / s                    // words per sentence
	spw := float64(c.Syllables) / w // syllables per word
	lp100 := float64(c.Letters) / w * 100
	sp100 := s / w * 100
	sc := Scores{
		FleschReadingEase:  206.835 - 1.015*wps - 84.6*spw,
		FleschKincaidGrade: 0.39*wps + 11.8*spw - 15.59,
		SMOG:               1.0430*math.Sqrt(float64(max(c.Polysyllables, 0))*30/s) + 3.1291,
		GunningFog:         0.4 * (wps + 100*float64(c.ComplexWords)/w),
		ColemanLiau:        0.0588*lp100 - 0.296*sp100 - 15.8,
		ARI:                4.71*float64(c.Letters)/w + 0.5*wps - 21.43,
	}
	mean := (sc.FleschKincaidGrade + sc.SMOG + sc.GunningFog + sc.ColemanLiau + sc.ARI) / 5
	sc.Consensus = math.Round(mean*10) / 10
	return sc
}

// sentenceGrade is the Flesch–Kincaid grade of one sentence on its own.
func sentenceGrade(words, syllables int) float64 {
	if words <= 0 {
		return 0
	}
	return 0.39*float64(words) + 11.8*float64(syllables)/float64(words) - 15.59
}

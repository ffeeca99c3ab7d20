# extract.awk: the awk baseline of `make bench`.  It does what tact-parse
# does on the generated corpus, no less: client headings and slugs, fields
# with normalized keys and the date forms the corpus uses, entries with
# ISO dates, tags and the first amount, records with SOURCE.  (It does not
# check UTF-8, code blocks or comments: the corpus has none.)
BEGIN {
	OFS = "\t"
	split("januar februar märz april mai juni juli august september oktober november dezember", de, " ")
	split("jan feb mar apr may jun jul aug sep oct nov dec", en, " ")
	for (i = 1; i <= 12; i++) { mon[de[i]] = i; mon[en[i]] = i }
}
FNR == 1 { id = "" }
function slug(s,   t) {
	t = tolower(s)
	gsub(/ä/, "ae", t); gsub(/ö/, "oe", t); gsub(/ü/, "ue", t); gsub(/ß/, "ss", t); gsub(/ı/, "i", t)
	gsub(/[^a-z0-9]+/, "-", t); gsub(/^-|-$/, "", t)
	return t
}
function isodate(v,   a, m) {
	if (match(v, /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]/))
		return substr(v, 1, 10)
	if (match(v, /^[0-9][0-9]?\.[0-9][0-9]?\.[0-9][0-9][0-9][0-9]/)) {
		split(substr(v, 1, RLENGTH), a, ".")
		return sprintf("%04d-%02d-%02d", a[3], a[2], a[1])
	}
	if (match(v, /^[0-9][0-9]?\. [^ ]+ [0-9][0-9][0-9][0-9]/)) {
		split(substr(v, 1, RLENGTH), a, " ")
		m = mon[tolower(a[2])]
		if (m) return sprintf("%04d-%02d-%02d", a[3], m, a[1])
	}
	if (match(v, /^[A-Z][a-z][a-z] [0-9][0-9]?, [0-9][0-9][0-9][0-9]/)) {
		split(substr(v, 1, RLENGTH), a, /,? /)
		m = mon[tolower(a[1])]
		if (m) return sprintf("%04d-%02d-%02d", a[3], m, a[2])
	}
	return ""
}
/^# / {
	name = substr($0, 3)
	id = slug(name)
	print "client", id, name, FILENAME ":" FNR
	next
}
/^ ? ? ?[-*+] / {
	t = $0
	sub(/^ *[-*+] +/, "", t)
	if (match(t, /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]:? */)) {
		date = substr(t, 1, 10)
		text = substr(t, RLENGTH + 1)
		tags = ""
		n = split(text, w, " ")
		for (i = 1; i <= n; i++)
			if (w[i] ~ /^#[A-Za-z][A-Za-z0-9_-]*$/)
				tags = tags (tags == "" ? "" : ",") tolower(substr(w[i], 2))
		amount = cur = ""
		if (match(text, /[0-9]+([.,][0-9][0-9]?|,-)? ?(€|EUR)/) ||
		    match(text, /(€|EUR) ?[0-9]+([.,][0-9][0-9]?)?/)) {
			a = substr(text, RSTART, RLENGTH)
			gsub(/[^0-9.,]/, "", a); sub(/,$/, "", a); sub(/,/, ".", a)
			amount = sprintf("%.2f", a); cur = "EUR"
		}
		print "entry", id, date, amount, cur, tags, text, FILENAME ":" FNR
		next
	}
	if (match(t, /^(\*\*)?[A-Za-z][A-Za-z0-9 _-]*(\*\*)?: /)) {
		key = substr(t, 1, RLENGTH - 2)
		gsub(/\*/, "", key)
		key = tolower(key); gsub(/[ _]+/, "-", key)
		value = substr(t, RLENGTH + 1)
		print "field", id, key, isodate(value), value, FILENAME ":" FNR
	}
}

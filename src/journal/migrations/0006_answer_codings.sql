-- Coding of guide answers and transcripts (issue 15): a coding's passage lies
-- in the activity's notes (answer_id NULL) or in one answer of an answer set
-- (answer_id: journal_answers' stable id; the offsets count code points of
-- that answer's text). activity_id stays the activity, so every list still
-- joins its activity for visibility; an answer's passage is shown only to
-- who may see both the activity and the answer set (sources.hpp
-- may_see_answers). The older `field` column keeps 'notes' for both kinds:
-- answer_id alone says where a passage lies.
ALTER TABLE journal_codings ADD COLUMN answer_id TEXT REFERENCES journal_answers(id) ON DELETE CASCADE;
CREATE INDEX journal_codings_answer ON journal_codings(answer_id) WHERE answer_id IS NOT NULL;

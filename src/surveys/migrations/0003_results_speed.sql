-- Results at 10,000 responses (issue 17: the results page under 100 ms).
-- `first_row` is 1 on exactly one row per response and question (a multiple
-- choice's smallest chosen code, every other kind's only row), so the
-- respondents of a question are SUM(first_row) instead of a
-- COUNT(DISTINCT response_id) that sorted every answer. `submitted_at` is the
-- response's submission time copied onto its answers, so the latest open
-- texts of a question are read in index order, page by page, without a join
-- and a sort. The results index now covers everything the one GROUP BY reads.
ALTER TABLE survey_answers ADD COLUMN first_row INTEGER NOT NULL DEFAULT 1;
ALTER TABLE survey_answers ADD COLUMN submitted_at BIGINT;
UPDATE survey_answers SET first_row = 0
 WHERE item > (SELECT MIN(b.item) FROM survey_answers b
                WHERE b.response_id = survey_answers.response_id AND b.question_id = survey_answers.question_id);
UPDATE survey_answers SET submitted_at = (SELECT r.submitted_at FROM survey_responses r
                                           WHERE r.id = survey_answers.response_id)
 WHERE submitted = 1;
DROP INDEX survey_answers_results;
CREATE INDEX survey_answers_results ON survey_answers(survey_id, submitted, question_id, item, first_row, number);
CREATE INDEX survey_answers_texts ON survey_answers(survey_id, question_id, submitted_at, response_id)
  WHERE text_value IS NOT NULL AND submitted_at IS NOT NULL;

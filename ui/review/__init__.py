"""The review panel: status, shortlist star, rubric scores, tags and notes of one candidate."""

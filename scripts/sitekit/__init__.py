"""Site-wide build helpers that are not about quizzes: the Content-Security-Policy and the
dark colour scheme. Plain functions over strings, so they are tested without MkDocs."""

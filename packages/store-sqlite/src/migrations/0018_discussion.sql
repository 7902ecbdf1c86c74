-- Reserved for comment threads, which arrive with their own migration of this number.
SELECT 1;

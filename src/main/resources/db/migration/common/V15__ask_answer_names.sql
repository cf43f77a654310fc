-- Ask the community: each answerer chooses, answer by answer, whether colleagues see their name next
-- to it; the unit they answered from is always shown. Existing answers stay unnamed.
alter table ask_answer add column show_name boolean default false not null;

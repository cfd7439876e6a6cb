-- Goals on responses (issue 20): people who responded, the response rate and the share of
-- queries a person answered.
alter table campaign_goal drop constraint campaign_goal_metric_check;
alter table campaign_goal add constraint campaign_goal_metric_check check (metric in ('HUMAN_CTR',
    'CONVERSIONS', 'REVENUE', 'PROFIT', 'ROI', 'REPLIES', 'QUERIES', 'COST_PER_CONVERSION', 'COST_PER_CLICK',
    'OPT_OUT_RATE', 'UNDELIVERED_RATE', 'RESPONSES', 'RESPONSE_RATE', 'ANSWER_RATE'));

-- The name each file's feedback workbook (指摘事項) was written under, so that a later run keeps it:
-- a file read again and left unchanged is not written again, and its workbook keeps its name; a new
-- file whose name would take it gets another one.
alter table etl_file_loads add column feedback_workbook varchar;

comment on column etl_file_loads.feedback_workbook is 'the file name of this file''s feedback workbook (指摘事項) in its folder of the feedback folder, or null when the run wrote none (no feedback folder, or a validation run)';

-- One row that first sightings of people lock, so two launches of the same new person register
-- them once, inside the launch's own transaction and connection (a second transaction per launch
-- would need a second pooled connection, and a class launching together could exhaust the pool).
create table member_registration_lock (
    id integer not null primary key
);
insert into member_registration_lock (id) values (1);
